mod nowhere_to_be_found; //~ ERROR file not found for module `nowhere_to_be_found`

fn main() {}
