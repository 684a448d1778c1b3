// Everyday Rust: fields of tuple structs and variants never read.
//@ check-pass
struct W(i32, String); //~ WARN fields `0` and `1` are never read
struct U(i32);
enum V { A(i32, i32), B { x: i32, y: i32, z: i32 }, C(u8) } //~ WARN field `1` is never read
//~| WARN fields `y` and `z` are never read
//~| WARN field `0` is never read
fn main() {
    let w = W(1, String::new()); //~ WARN unused variable: `w`
    let u = U(2);
    println!("{}", u.0);
    let v = V::A(1, 2);
    match v {
        V::A(a, _) => println!("{}", a),
        V::B { x, .. } => println!("{}", x),
        V::C(_) => {}
    }
    let _ = V::B { x: 1, y: 2, z: 3 };
    let _ = V::C(1);
}
