fn main() {
    let a: u8 = 1;
    let flag = true;
    if a == flag { //~ ERROR mismatched types
        let _ = a;
    }
}
