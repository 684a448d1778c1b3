// Everyday Rust: enum match ok.
//@ check-pass
#[derive(Debug, Clone, Copy, PartialEq)]
enum Dir { North, East, South, West }

fn turn(d: Dir) -> Dir {
    match d {
        Dir::North => Dir::East,
        Dir::East => Dir::South,
        Dir::South => Dir::West,
        Dir::West => Dir::North,
    }
}

fn main() {
    let d = turn(Dir::North);
    if d == Dir::East {
        println!("{:?}", d);
    }
}
