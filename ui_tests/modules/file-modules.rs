//@ check-pass
// `mod name;` loads name.rs beside this file; module files are parsed in parallel.
mod file_modules_math;
mod file_modules_text;

fn main() {
    let _sum = file_modules_math::add(1, 2);
    let _len = file_modules_text::length();
}
