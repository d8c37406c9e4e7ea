//! Helpers shared by the integration tests.

/// The raw bytes of the seed page whose file name starts with `prefix`.
pub fn seed_bytes(prefix: &str) -> Vec<u8> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/seeds");
    let path = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed page starts with {prefix}"));
    std::fs::read(path).unwrap()
}
