//! The `mirrorwatch` command; everything it does is in the library (`mirrorwatch::cli`).

fn main() -> std::process::ExitCode {
    mirrorwatch::cli::main()
}
