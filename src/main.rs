fn main() {
    agora::mount_standalone();
}
