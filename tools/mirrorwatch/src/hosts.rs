//! Local HTTP hosts that misbehave on purpose, for the tests and the benchmark: an honest host,
//! a rugged one, 404s, a host slower than any timeout, one over the size cap, one lying about
//! `Content-Length`, a redirect loop, an IPFS-style path gateway (any path is just a route).
//! Plain HTTP/1.1 over tokio, one request per connection. And for the store: [`Webdav`], a real
//! WebDAV server (Apache httpd), and [`S3Server`], moto's S3 server. Built with the feature
//! `test-hosts` only.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, RwLock};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What a host answers on one path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// 200 with this body and its true `Content-Length`.
    Body(Vec<u8>),
    /// This status and an empty body.
    Status(u16),
    /// 302 to this location.
    Redirect(String),
    /// Says nothing for this long, then answers `Body`.
    Stall(Duration, Vec<u8>),
    /// 200 declaring `declared` bytes but sending `body` and closing.
    LyingLength { declared: u64, body: Vec<u8> },
    /// 200 chunked (no `Content-Length`), `bytes` bytes of zeros.
    Stream { bytes: u64 },
}

/// A host on 127.0.0.1 and a free port, serving its routes until dropped.
pub struct Host {
    address: SocketAddr,
    routes: Arc<RwLock<HashMap<String, Reply>>>,
    /// (path prefix, directory): files served as a web server serves a store's directory.
    dirs: Arc<RwLock<Vec<(String, std::path::PathBuf)>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Host {
    pub async fn start() -> std::io::Result<Host> {
        Host::start_on(0).await
    }

    /// A host on `port` (0: any free port).
    pub async fn start_on(port: u16) -> std::io::Result<Host> {
        let listener = TcpListener::bind(("127.0.0.1", port)).await?;
        let address = listener.local_addr()?;
        let routes: Arc<RwLock<HashMap<String, Reply>>> = Arc::default();
        let dirs: Arc<RwLock<Vec<(String, std::path::PathBuf)>>> = Arc::default();
        let (served, served_dirs) = (routes.clone(), dirs.clone());
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (routes, dirs) = (served.clone(), served_dirs.clone());
                tokio::spawn(async move {
                    let _ = answer(stream, &routes, &dirs).await;
                });
            }
        });
        Ok(Host {
            address,
            routes,
            dirs,
            task,
        })
    }

    /// `http://127.0.0.1:<port>` followed by `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Serves the files of `dir` under `prefix` (a path without a route), as an operator's web
    /// server serves its store; a path with a `..` segment is 404.
    pub fn serve_dir(&self, prefix: &str, dir: &std::path::Path) {
        self.dirs
            .write()
            .expect("not poisoned")
            .push((prefix.to_string(), dir.to_path_buf()));
    }

    /// Answers `reply` on `path` from now on.
    pub fn route(&self, path: &str, reply: Reply) {
        self.routes
            .write()
            .expect("not poisoned")
            .insert(path.to_string(), reply);
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn answer(
    mut stream: TcpStream,
    routes: &RwLock<HashMap<String, Reply>>,
    dirs: &RwLock<Vec<(String, std::path::PathBuf)>>,
) -> std::io::Result<()> {
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf).await?;
        if n == 0 || head.len() > 16 * 1024 {
            return Ok(());
        }
        head.extend_from_slice(&buf[..n]);
    }
    let request = String::from_utf8_lossy(&head);
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    let routed = routes.read().expect("not poisoned").get(&path).cloned();
    let reply = match routed {
        Some(reply) => reply,
        None => from_dirs(dirs, &path).await,
    };
    match reply {
        Reply::Body(body) => send(&mut stream, 200, &[], body.len() as u64, &body).await,
        Reply::Status(code) => send(&mut stream, code, &[], 0, b"").await,
        Reply::Redirect(to) => send(&mut stream, 302, &[("Location", &to)], 0, b"").await,
        Reply::Stall(wait, body) => {
            tokio::time::sleep(wait).await;
            send(&mut stream, 200, &[], body.len() as u64, &body).await
        }
        Reply::LyingLength { declared, body } => send(&mut stream, 200, &[], declared, &body).await,
        Reply::Stream { bytes } => {
            stream
                .write_all(
                    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
                )
                .await?;
            let chunk = vec![0u8; 64 * 1024];
            let mut left = bytes;
            while left > 0 {
                let n = left.min(chunk.len() as u64) as usize;
                stream.write_all(format!("{n:x}\r\n").as_bytes()).await?;
                stream.write_all(&chunk[..n]).await?;
                stream.write_all(b"\r\n").await?;
                left -= n as u64;
            }
            stream.write_all(b"0\r\n\r\n").await
        }
    }
}

/// The file `path` names in a served directory, or 404.
async fn from_dirs(dirs: &RwLock<Vec<(String, std::path::PathBuf)>>, path: &str) -> Reply {
    let found = dirs
        .read()
        .expect("not poisoned")
        .iter()
        .find_map(|(prefix, dir)| {
            let rest = path.strip_prefix(prefix.as_str())?;
            (!rest.split('/').any(|segment| segment == "..")).then(|| dir.join(rest))
        });
    match found {
        Some(file) => match tokio::fs::read(&file).await {
            Ok(body) => Reply::Body(body),
            Err(_) => Reply::Status(404),
        },
        None => Reply::Status(404),
    }
}

async fn send(
    stream: &mut TcpStream,
    code: u16,
    headers: &[(&str, &str)],
    length: u64,
    body: &[u8],
) -> std::io::Result<()> {
    let mut head =
        format!("HTTP/1.1 {code} X\r\nContent-Length: {length}\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(body).await?;
    stream.shutdown().await
}

/// A port free on loopback now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// `binary` with `args`, no input, its output dropped: a server the tests start and kill.
fn spawn_quiet(binary: &str, args: &[&str]) -> std::io::Result<std::process::Child> {
    std::process::Command::new(binary)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
}

/// An Apache httpd (Debian's `apache2-bin`) serving a fresh directory with WebDAV on, on
/// loopback, until dropped: a real WebDAV server for the store's tests and the benchmark.
pub struct Webdav {
    child: std::process::Child,
    dir: std::path::PathBuf,
    port: u16,
}

impl Webdav {
    /// Starts one httpd process (`-X`) with a configuration of its own on a free port.
    pub fn start() -> Webdav {
        let port = free_port();
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
             KeepAlive Off\n\
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
        // It serves one connection at a time, hence `KeepAlive Off`: an idle kept-alive
        // connection would hold every other client until it timed out.
        let child = spawn_quiet(binary, &["-X", "-f", &conf_path.display().to_string()])
            .expect("apache2 runs (scripts/setup.sh test-deps installs Debian's apache2-bin)");
        let apache = Webdav { child, dir, port };
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return apache;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("apache2 did not listen on {port}");
    }

    /// The server's directory (its document root is `root/` in it).
    pub fn dir(&self) -> &std::path::Path {
        &self.dir
    }

    /// The url of `path` on the server.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for Webdav {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// moto's standalone S3 server (`MOTO_SERVER`, which `scripts/setup.sh test-deps` installs with
/// pip; else `moto_server` on the PATH) on loopback, until dropped: an S3 endpoint for the store's
/// test. Requests need no valid signature; objects are readable without one.
pub struct S3Server {
    child: std::process::Child,
    port: u16,
}

impl S3Server {
    /// Starts the server on a free port and waits until it answers.
    pub fn start() -> S3Server {
        let port = free_port();
        let binary = std::env::var("MOTO_SERVER").unwrap_or_else(|_| "moto_server".into());
        let child = spawn_quiet(&binary, &["-H", "127.0.0.1", "-p", &port.to_string()])
            .unwrap_or_else(|e| panic!("{binary} runs (scripts/setup.sh test-deps): {e}"));
        let server = S3Server { child, port };
        for _ in 0..200 {
            if server.request("GET", "/", "").is_ok() {
                return server;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("moto_server did not answer on {port}");
    }

    /// The server's url (the S3 endpoint), with `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Creates the bucket `name`, its objects readable by anyone (a bucket policy), as a bucket
    /// whose files are served publicly is set up.
    pub fn create_public_bucket(&self, name: &str) {
        let status = self.request("PUT", &format!("/{name}"), "");
        assert_eq!(status.ok(), Some(200), "creating bucket {name}");
        let policy = format!(
            "{{\"Version\":\"2012-10-17\",\"Statement\":[{{\"Effect\":\"Allow\",\
             \"Principal\":\"*\",\"Action\":\"s3:GetObject\",\
             \"Resource\":\"arn:aws:s3:::{name}/*\"}}]}}"
        );
        let status = self.request("PUT", &format!("/{name}?policy"), &policy);
        assert_eq!(status.ok(), Some(200), "the policy of bucket {name}");
    }

    /// One unsigned HTTP/1.1 request with a JSON `body` (or none); its status.
    fn request(&self, method: &str, path: &str, body: &str) -> std::io::Result<u16> {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", self.port))?;
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\
             Connection: close\r\n\r\n{body}",
            self.port,
            body.len()
        )?;
        let mut answer = String::new();
        stream.read_to_string(&mut answer)?;
        answer
            .split(' ')
            .nth(1)
            .and_then(|code| code.parse().ok())
            .ok_or_else(|| std::io::Error::other("no status line"))
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
