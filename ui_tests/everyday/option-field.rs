// Everyday Rust: a field read through an `Option`, a path to a misspelled enum, and a multi-line
// assignment through `&self`.
struct Flight { code: u32 }
enum Mode { Off, On }
struct Lamp { mode: Mode }
impl Lamp {
    fn toggle(&self) {
        self.mode = match self.mode { //~ ERROR cannot assign to `self.mode`, which is behind a `&` reference
            Mode::Off => Mode::On,
            Mode::On => Mode::Off,
        };
    }
}
fn main() {
    let f = Flight { code: 7 };
    let pick = Some(&f);
    println!("{}", pick.code); //~ ERROR no field `code` on type `Option<&Flight>`
    let m = Mod::Off; //~ ERROR cannot find type `Mod` in this scope
}
