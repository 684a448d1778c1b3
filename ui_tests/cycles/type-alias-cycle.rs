// A cycle through two type aliases: the same E0391 at any thread count.
type X = Y; //~ ERROR cycle detected when expanding type alias `X`
type Y = X;

fn main() {}
