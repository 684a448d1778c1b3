struct Lamp { on: bool }

impl Lamp {
    fn toggle(&mut self) { self.on = !self.on; }
}

fn main() {
    let mut lamp = Lamp { on: false };
    lamp.toggle();
    lamp.dim(); //~ ERROR no method named `dim` found for struct `Lamp` in the current scope
}
