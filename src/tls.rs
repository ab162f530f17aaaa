//! TLS set-up shared by every HTTP client in the process (ours, and object_store's).

/// rustls needs a process-wide crypto provider; we build with ring (no aws-lc C build). Call
/// before building any HTTP client (ours, or object_store's).
pub fn install_crypto_provider() {
    // Err means one is installed already, which is fine.
    let _ = rustls::crypto::ring::default_provider().install_default();
}
