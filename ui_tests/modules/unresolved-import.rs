mod present {
    pub fn here() {}
}

use present::absent; //~ ERROR unresolved import `present::absent`

fn main() {
    present::here();
}
