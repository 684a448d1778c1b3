// Everyday Rust: derive partialeq missing.
#[derive(Debug)]
struct Version { major: u32, minor: u32 }

fn main() {
    let a = Version { major: 1, minor: 0 };
    let b = Version { major: 1, minor: 2 };
    if a == b { //~ ERROR binary operation `==` cannot be applied to type `Version`
        println!("same");
    }
    println!("{:?} {:?}", a, b);
}
