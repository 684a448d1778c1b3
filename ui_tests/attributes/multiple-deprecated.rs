#[deprecated]
#[deprecated] //~ ERROR multiple `deprecated` attributes
fn legacy() {}

fn main() {}
