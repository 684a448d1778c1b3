//@ check-pass
mod tools {
    pub fn hammer() -> i32 { 1 }
    pub mod boxes {
        pub fn small() -> i32 { super::hammer() + 1 }
    }
}

use tools::hammer;
use crate::tools::boxes;
use self::tools::boxes::small as tiny;

fn main() {
    let _total = hammer() + boxes::small() + tiny();
}
