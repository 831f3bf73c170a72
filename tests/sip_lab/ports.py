"""Free loopback ports, so tests running side by side never collide."""

import socket


def free_port(both: bool = True) -> int:
    """A loopback port free for UDP (and for TCP too when `both`, as baresip listens on both)."""
    for _ in range(50):
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        udp.bind(("127.0.0.1", 0))
        port = int(udp.getsockname()[1])
        try:
            if both:
                tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                try:
                    tcp.bind(("127.0.0.1", port))
                except OSError:
                    continue
                finally:
                    tcp.close()
            return port
        finally:
            udp.close()
    raise RuntimeError("no free loopback port")


def free_port_pair() -> int:
    """A port free for UDP and TCP whose next port is free for TCP too (baresip puts TLS on port + 1)."""
    for _ in range(50):
        port = free_port()
        tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            tcp.bind(("127.0.0.1", port + 1))
            return port
        except OSError:
            continue
        finally:
            tcp.close()
    raise RuntimeError("no free loopback port pair")
