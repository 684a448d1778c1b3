// E0601 points just past the last item, even when the file ends with a newline.
fn helper() {} //~ ERROR `main` function not found in crate `no_main_after_items`
