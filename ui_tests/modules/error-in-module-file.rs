// A type error inside a module file points into that file.
mod error_in_module_file_helper;

fn main() {
    error_in_module_file_helper::broken();
}
