// Everyday Rust: assoc consts labels.
//@ check-pass
struct Grid;

impl Grid {
    const WIDTH: usize = 4;
    const HEIGHT: usize = 3;
}

fn main() {
    let mut found = None;
    'rows: for y in 0..Grid::HEIGHT {
        for x in 0..Grid::WIDTH {
            if x * y == 6 {
                found = Some((x, y));
                break 'rows;
            }
        }
    }
    println!("{:?}", found);
}
