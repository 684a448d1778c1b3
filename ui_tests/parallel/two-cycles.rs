// Two independent cycles, one of aliases and one of constants, checked by different workers.
type Left = Right; //~ ERROR E0391
type Right = Left;

const UP: i32 = DOWN; //~ ERROR E0391
const DOWN: i32 = UP;

fn main() {}
