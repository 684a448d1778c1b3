mod shapes {
    pub fn circle() -> i32 { 1 }
}

fn main() {
    let _c = shapes::circle();
    let _s = shapes::hexagon(); //~ ERROR cannot find function `hexagon` in module `shapes`
}
