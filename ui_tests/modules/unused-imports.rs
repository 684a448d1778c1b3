//@ check-pass
mod colors {
    pub fn red() -> u8 { 1 }
    pub fn blue() -> u8 { 2 }
}

use colors::red;
use colors::blue; //~ WARN unused import: `colors::blue`

fn main() {
    let _r = red();
    let _b = colors::blue();
}
