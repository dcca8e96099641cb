//! Publisher keys as small text files: `NAME.key` (the secret, kept private) and `NAME.pub`.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

const SECRET_LABEL: &str = "bascule-ed25519-secret-key";
const PUBLIC_LABEL: &str = "bascule-ed25519-public-key";

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyError {
    #[error("the system's random generator failed: {0}")]
    Random(String),
    #[error("not a Bascule {0} key file (expected \"{1} <base64>\")")]
    Format(&'static str, &'static str),
    #[error("the key is not a valid ed25519 public key")]
    InvalidPublicKey,
}

/// A new signing key from the operating system's generator.
pub fn generate() -> Result<SigningKey, KeyError> {
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret).map_err(|e| KeyError::Random(e.to_string()))?;
    Ok(SigningKey::from_bytes(&secret))
}

pub fn secret_key_text(key: &SigningKey) -> String {
    format!("{SECRET_LABEL} {}\n", STANDARD.encode(key.to_bytes()))
}

pub fn public_key_text(key: &VerifyingKey) -> String {
    format!("{PUBLIC_LABEL} {}\n", STANDARD.encode(key.to_bytes()))
}

pub fn read_secret_key(text: &str) -> Result<SigningKey, KeyError> {
    let bytes = labelled(text, SECRET_LABEL).ok_or(KeyError::Format("secret", SECRET_LABEL))?;
    let secret: [u8; 32] = bytes
        .try_into()
        .map_err(|_| KeyError::Format("secret", SECRET_LABEL))?;
    Ok(SigningKey::from_bytes(&secret))
}

pub fn read_public_key(text: &str) -> Result<VerifyingKey, KeyError> {
    let bytes = labelled(text, PUBLIC_LABEL).ok_or(KeyError::Format("public", PUBLIC_LABEL))?;
    public_key_from_bytes(&bytes)
}

pub fn public_key_from_bytes(bytes: &[u8]) -> Result<VerifyingKey, KeyError> {
    let bytes: [u8; 32] = bytes.try_into().map_err(|_| KeyError::InvalidPublicKey)?;
    VerifyingKey::from_bytes(&bytes).map_err(|_| KeyError::InvalidPublicKey)
}

fn labelled(text: &str, label: &str) -> Option<Vec<u8>> {
    let text = text.trim();
    let encoded = text.strip_prefix(label).map_or(text, str::trim);
    STANDARD.decode(encoded).ok()
}

/// The key's fingerprint as people read it aloud: the first 10 bytes of its SHA-256, in
/// five groups of four hexadecimal digits (`3F2A 91C0 5D7E 0B44 C1A9`).
pub fn fingerprint(key: &VerifyingKey) -> String {
    let digest = Sha256::digest(key.to_bytes());
    let hex: String = digest.iter().take(10).map(|b| format!("{b:02X}")).collect();
    hex.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_through_their_files() {
        let key = generate().expect("random");
        let again = read_secret_key(&secret_key_text(&key)).expect("secret reads back");
        assert_eq!(again.to_bytes(), key.to_bytes());
        let public =
            read_public_key(&public_key_text(&key.verifying_key())).expect("public reads back");
        assert_eq!(public, key.verifying_key());
        assert!(
            read_public_key(&secret_key_text(&key)).is_err(),
            "a secret is not a public key file"
        );
        assert_ne!(generate().expect("random").to_bytes(), key.to_bytes());
    }

    #[test]
    fn fingerprints_read_in_groups() {
        let key = SigningKey::from_bytes(&[7u8; 32]).verifying_key();
        let print = fingerprint(&key);
        assert_eq!(print.len(), 24);
        assert_eq!(print.split(' ').count(), 5);
        assert!(print.chars().all(|c| c == ' ' || c.is_ascii_hexdigit()));
    }
}
