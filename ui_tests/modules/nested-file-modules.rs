//@ check-pass
mod nested_outer;

fn main() {
    let _v = nested_outer::inner::value() + nested_outer::base();
}
