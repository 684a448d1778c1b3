// Everyday Rust: a reference kept in a `let mut` that a loop may reassign still borrows the vector.
fn best(scores: &Vec<u32>) -> u32 { scores[0] }
fn main() {
    let mut scores: Vec<u32> = Vec::new();
    scores.push(640);
    scores.push(980);
    let mut top = &scores[0];
    for s in &scores {
        if s > top {
            top = s;
        }
    }
    scores.push(1500); //~ ERROR cannot borrow `scores` as mutable because it is also borrowed as immutable
    println!("{} {}", top, best(&scores));
    let mut x = 1;
    let y = 2;
    let mut r = &x; //~ WARN value assigned to `r` is never read
    x = 5;
    r = &y;
    println!("{} {}", r, x);
    let mut p = 1;
    let q = 2;
    let mut k = &p;
    if scores.len() > 1 { k = &q; }
    p = 5; //~ ERROR cannot assign to `p` because it is borrowed
    println!("{} {}", k, p);
}
