//! The store of verified copies against a real WebDAV server: Apache httpd's mod_dav (Debian's
//! `apache2-bin`, which `scripts/setup.sh test-deps` installs), started by the test on loopback
//! with a configuration of its own, as an operator's server would serve the store (`make e2e`).
#![cfg(feature = "e2e-tests")]

use mirrorwatch::store::{key, Backend, Store, StoreConfig};
use sha2::{Digest, Sha256};
use std::path::PathBuf;
use std::process::{Child, Command};
use std::time::Duration;

/// An Apache httpd serving a fresh directory with WebDAV on, until dropped.
struct Apache {
    child: Child,
    dir: PathBuf,
    port: u16,
}

impl Apache {
    fn start() -> Apache {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let dir =
            std::env::temp_dir().join(format!("mirrorwatch-dav-{}-{port}", std::process::id()));
        let (root, run) = (dir.join("root"), dir.join("run"));
        for d in [&root, &run] {
            std::fs::create_dir_all(d).unwrap();
            // Started as root, httpd serves as `nobody`, which must write both.
            std::fs::set_permissions(d, std::os::unix::fs::PermissionsExt::from_mode(0o777))
                .unwrap();
        }
        let modules = "/usr/lib/apache2/modules";
        let conf = format!(
            "ServerRoot {run}\nServerName 127.0.0.1\nListen 127.0.0.1:{port}\n\
             PidFile {run}/httpd.pid\nErrorLog {run}/error.log\n\
             LoadModule mpm_prefork_module {modules}/mod_mpm_prefork.so\n\
             LoadModule authz_core_module {modules}/mod_authz_core.so\n\
             LoadModule dav_module {modules}/mod_dav.so\n\
             LoadModule dav_fs_module {modules}/mod_dav_fs.so\n\
             User nobody\nGroup nogroup\nDocumentRoot {root}\nDavLockDB {run}/davlock\n\
             <Directory {root}>\n  Dav On\n  Require all granted\n</Directory>\n",
            run = run.display(),
            root = root.display(),
        );
        let conf_path = dir.join("httpd.conf");
        std::fs::write(&conf_path, conf).unwrap();
        let binary = ["/usr/sbin/apache2", "apache2"]
            .into_iter()
            .find(|b| !b.starts_with('/') || std::path::Path::new(b).exists())
            .unwrap();
        // One process (-X): killing it stops the server, and it holds none of the test's pipes.
        let child = Command::new(binary)
            .args(["-X", "-f", &conf_path.display().to_string()])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("apache2 runs (scripts/setup.sh test-deps installs Debian's apache2-bin)");
        let apache = Apache { child, dir, port };
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return apache;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("apache2 did not listen on {port}");
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for Apache {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[tokio::test]
async fn verified_copies_go_to_webdav_once_and_are_served_from_there() {
    let apache = Apache::start();
    let config = StoreConfig {
        backend: Backend::Webdav {
            endpoint: apache.url(""),
            root: "/store/".into(),
        },
        public_url: url::Url::parse(&apache.url("/store/")).unwrap(),
    };
    let store = Store::open(&config).unwrap();
    let content = b"{\"name\":\"Mirrors #1\"}".to_vec();
    let hash: [u8; 32] = Sha256::digest(&content).into();
    let spool = apache.dir.join("spool");
    std::fs::write(&spool, &content).unwrap();
    let key = key(&hash, "1.json");

    assert_eq!(store.put(&key, &spool, &hash).await, Ok(true));
    assert_eq!(
        store.put(&key, &spool, &hash).await,
        Ok(false),
        "written once"
    );
    assert_eq!(store.copy_of(&hash).await, Ok(Some(key.clone())));
    let served = reqwest::get(store.public_url(&key))
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(served.as_ref(), content.as_slice());

    // Bytes that do not have the recorded hash are not stored.
    std::fs::write(&spool, b"swapped").unwrap();
    let other = mirrorwatch::store::key(&hash, "2.json");
    assert!(store.put(&other, &spool, &hash).await.is_err());
    assert!(!store.has(&other).await.unwrap());
}
