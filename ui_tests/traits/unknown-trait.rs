struct Thing;
impl Missing for Thing {} //~ ERROR cannot find trait `Missing` in this scope

fn main() {
    let _t = Thing;
}
