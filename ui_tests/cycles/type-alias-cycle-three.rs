// Three aliases in a ring; the cycle is reported once, anchored at the first.
type First = Second; //~ ERROR E0391
type Second = Third;
type Third = First;

fn main() {
    let _x: First = 1;
}
