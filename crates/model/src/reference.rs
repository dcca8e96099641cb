//! The reference scenario shipped in the binary.
