//! End-to-end tests live in `tests/`; see `cargo xtask e2e`.
