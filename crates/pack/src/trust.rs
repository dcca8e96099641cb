//! What a pack's signature is worth to one user: the publishers they trust, and each
//! pack's standing against them. The app keeps the list in its folder and shows the
//! standing; the briefing says "verified" only of a pack a trusted publisher signed.

use crate::{Pack, PackError, ReferenceNote, keys};
use bascule_model::Language;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::VerifyingKey;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A publisher the user trusts: packs signed by this key are verified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TrustedPublisher {
    pub name: String,
    /// The ed25519 public key, base64 of 32 bytes.
    pub public_key: String,
    pub fingerprint: String,
}

impl TrustedPublisher {
    fn key(&self) -> Option<VerifyingKey> {
        let bytes = STANDARD.decode(&self.public_key).ok()?;
        keys::public_key_from_bytes(&bytes).ok()
    }
}

/// A pack's standing with the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Signed by a trusted publisher.
    Verified,
    /// Signed, by a key not yet trusted: its fingerprint is to be compared with the one
    /// the publisher publishes.
    UnknownKey,
    /// Unsigned, accepted as such by the user.
    Unverified,
}

/// A pack with what its signature says today.
#[derive(Debug, Clone)]
pub struct Checked {
    pub pack: Pack,
    /// The key whose signature holds; `None` for an unsigned pack.
    pub key: Option<VerifyingKey>,
    pub standing: Standing,
}

impl Checked {
    /// `pack`, when its signature holds (whoever signed it), or when it is unsigned and
    /// the user accepts it as such (`accept_unverified`); refused otherwise, saying why.
    pub fn of(
        pack: Pack,
        trusted: &[TrustedPublisher],
        accept_unverified: bool,
    ) -> Result<Checked, PackError> {
        match pack.clone().verify(&[]) {
            Ok(verified) => {
                let known = trusted.iter().any(|t| t.key() == Some(verified.key));
                Ok(Checked {
                    pack,
                    key: Some(verified.key),
                    standing: if known {
                        Standing::Verified
                    } else {
                        Standing::UnknownKey
                    },
                })
            }
            Err(PackError::Unsigned) if accept_unverified => Ok(Checked {
                pack,
                key: None,
                standing: Standing::Unverified,
            }),
            Err(error) => Err(error),
        }
    }

    pub fn fingerprint(&self) -> Option<String> {
        self.key.as_ref().map(keys::fingerprint)
    }

    /// What a briefing says of this pack: verified only when a trusted publisher signed it.
    pub fn reference_note(&self, language: Language) -> ReferenceNote {
        let verified = (self.standing == Standing::Verified)
            .then(|| self.fingerprint())
            .flatten();
        self.pack.reference_note(verified, language)
    }

    /// `trusted` with the key that signed this pack added, under its publisher's name in
    /// `language`; whether it was added (a key already there is left as it is). An
    /// unsigned pack has no key to trust.
    pub fn trust_publisher(
        &self,
        trusted: &mut Vec<TrustedPublisher>,
        language: Language,
    ) -> Result<bool, PackError> {
        let Some(key) = self.key else {
            return Err(PackError::Unsigned);
        };
        let fingerprint = keys::fingerprint(&key);
        if trusted.iter().any(|t| t.fingerprint == fingerprint) {
            return Ok(false);
        }
        trusted.push(TrustedPublisher {
            name: self.pack.publisher.name.get(language).to_owned(),
            public_key: STANDARD.encode(key.to_bytes()),
            fingerprint,
        });
        Ok(true)
    }
}

/// Why a pack cannot bring a scenario up from the pack it started from: an update comes
/// from that pack's publisher (the same key signed both), and is not older.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAnUpdate {
    /// The new pack is not signed by a publisher the user trusts.
    Untrusted,
    /// The two packs are not signed by the same key (or one is not signed).
    OtherPublisher,
    /// The new pack was published before the old one: it would take the user back.
    Older,
}

impl NotAnUpdate {
    pub fn message(self, language: Language) -> &'static str {
        let words = crate::words::pack_words(language);
        match self {
            NotAnUpdate::Untrusted => words.not_trusted,
            NotAnUpdate::OtherPublisher => words.other_publisher,
            NotAnUpdate::Older => words.older,
        }
    }
}

/// Whether `new` (signed by `new_key`) may bring a scenario up from `old` (`old_key`):
/// the same key signed both, and `new` is not older.
pub fn may_update(
    (old, old_key): (&Pack, Option<&VerifyingKey>),
    (new, new_key): (&Pack, Option<&VerifyingKey>),
) -> Result<(), NotAnUpdate> {
    if old_key.is_none() || old_key != new_key {
        return Err(NotAnUpdate::OtherPublisher);
    }
    // Dates are `YYYY-MM-DD` (checked on reading): their text sorts as they do.
    if new.published < old.published {
        return Err(NotAnUpdate::Older);
    }
    Ok(())
}

impl Checked {
    /// Whether this pack may bring a scenario up from `old`: signed by a trusted publisher,
    /// the one that signed `old`, and not older.
    pub fn may_update(&self, old: &Checked) -> Result<(), NotAnUpdate> {
        if self.standing != Standing::Verified {
            return Err(NotAnUpdate::Untrusted);
        }
        may_update(
            (&old.pack, old.key.as_ref()),
            (&self.pack, self.key.as_ref()),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_pack;

    fn example(name: &str) -> Pack {
        let path = format!("{}/../../packs/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(path).expect("the example pack");
        parse_pack(&text).expect("a valid pack")
    }

    /// Unknown until its publisher is trusted, verified after, and the briefing says so
    /// only then; an unsigned pack only with consent, and it has no key to trust.
    #[test]
    fn a_packs_standing_follows_the_publishers_the_user_trusts() {
        let pack = example("example-pack.json");
        let mut trusted = Vec::new();
        let checked = Checked::of(pack.clone(), &trusted, false).expect("signed");
        assert_eq!(checked.standing, Standing::UnknownKey);
        assert_eq!(
            checked.reference_note(Language::En),
            pack.reference_note(None, Language::En)
        );
        assert_eq!(
            checked.trust_publisher(&mut trusted, Language::En),
            Ok(true)
        );
        assert_eq!(
            checked.trust_publisher(&mut trusted, Language::En),
            Ok(false)
        );
        assert_eq!(trusted.len(), 1);
        assert_eq!(Some(trusted[0].fingerprint.clone()), checked.fingerprint());
        let again = Checked::of(pack.clone(), &trusted, false).expect("signed");
        assert_eq!(again.standing, Standing::Verified);
        assert_eq!(
            again.reference_note(Language::En),
            pack.reference_note(checked.fingerprint(), Language::En)
        );

        let mut unsigned = pack;
        unsigned.signature = None;
        assert!(matches!(
            Checked::of(unsigned.clone(), &trusted, false),
            Err(PackError::Unsigned)
        ));
        let accepted = Checked::of(unsigned, &trusted, true).expect("accepted");
        assert_eq!(accepted.standing, Standing::Unverified);
        assert!(matches!(
            accepted.trust_publisher(&mut trusted, Language::En),
            Err(PackError::Unsigned)
        ));
    }

    /// The 2027 pack brings a scenario up from the 2026 one once its publisher is trusted;
    /// not the other way, and not from a pack another key signed.
    #[test]
    fn an_update_comes_newer_from_the_same_trusted_publisher() {
        let (old, new) = (
            example("example-pack.json"),
            example("example-pack-2027.json"),
        );
        let mut trusted = Vec::new();
        let check = |pack: &Pack, trusted: &[TrustedPublisher]| {
            Checked::of(pack.clone(), trusted, true).expect("valid")
        };
        assert_eq!(
            check(&new, &trusted).may_update(&check(&old, &trusted)),
            Err(NotAnUpdate::Untrusted)
        );
        check(&new, &trusted)
            .trust_publisher(&mut trusted, Language::En)
            .expect("signed");
        assert_eq!(
            check(&new, &trusted).may_update(&check(&old, &trusted)),
            Ok(())
        );
        assert_eq!(
            check(&old, &trusted).may_update(&check(&new, &trusted)),
            Err(NotAnUpdate::Older)
        );
        let mut unsigned = old.clone();
        unsigned.signature = None;
        assert_eq!(
            check(&new, &trusted).may_update(&check(&unsigned, &trusted)),
            Err(NotAnUpdate::OtherPublisher)
        );
        let other_key = crate::keys::generate().expect("a key");
        let resigned = old.sign(&other_key);
        assert_eq!(
            may_update(
                (&resigned, Some(&other_key.verifying_key())),
                (&new, check(&new, &trusted).key.as_ref())
            ),
            Err(NotAnUpdate::OtherPublisher)
        );
        assert!(
            NotAnUpdate::Older
                .message(Language::Fr)
                .contains("plus ancien")
        );
    }

    #[test]
    fn an_altered_pack_is_refused_whoever_is_trusted() {
        let mut pack = example("example-pack.json");
        pack.pack_version.push('x');
        assert!(matches!(
            Checked::of(pack, &[], true),
            Err(PackError::Altered)
        ));
    }
}
