fn add(a: i32, b: i32) -> i32 { a + b }

fn main() {
    add(1, 2, 3); //~ ERROR this function takes 2 arguments but 3 arguments were supplied
}
