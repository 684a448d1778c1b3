fn main() {
    let total = undefined_thing + 1; //~ ERROR cannot find value `undefined_thing` in this scope
}
