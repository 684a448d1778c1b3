// E0560 and E0609 list the available fields, or suggest a field with a similar name.
struct User { name: u32, age: u32, zip: u32 }
fn main() {
    let u = User { name: 1, email: 2, zip: 3 }; //~ ERROR struct `User` has no field named `email`
    let _a = u.weight; //~ ERROR no field `weight` on type `User`
    let _b = u.nam; //~ ERROR no field `nam` on type `User`
}
