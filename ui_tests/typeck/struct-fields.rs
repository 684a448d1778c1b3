struct Point { x: i32, y: i32 }

fn main() {
    let p = Point { x: 1, y: 2, z: 3 }; //~ ERROR struct `Point` has no field named `z`
    let _w = p.w; //~ ERROR no field `w` on type `Point`
}
