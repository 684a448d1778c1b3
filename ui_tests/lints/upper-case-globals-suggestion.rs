// `non_upper_case_globals` suggests the new name as a replacement (a diff), after the lint's note.
//@ check-pass
const max_size: usize = 64; //~ WARN constant `max_size` should have an upper case name
static default_name: &str = "anon"; //~ WARN static variable `default_name` should have an upper case name

fn main() {
    let _m = max_size;
    let _n = default_name;
}
