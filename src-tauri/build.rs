// The app's context (config, capabilities, compressed assets) is generated here, not by
// `generate_context!` during the crate's compilation: files the macro writes then are
// newer than the build, so cargo rebuilt the app on the next build (tauri PR #4889),
// 110 s of release build each time.
fn main() {
    let attributes = tauri_build::Attributes::new().codegen(tauri_build::CodegenContext::new());
    if let Err(error) = tauri_build::try_build(attributes) {
        println!("cargo::error={error:#}");
        std::process::exit(1);
    }
}
