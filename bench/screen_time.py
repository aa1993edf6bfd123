#!/usr/bin/env python3
"""Times the watch runner as a learner meets it: in a pseudo-terminal of 80x24, from the command's start.

  screen_time.py DIR SCREEN_PATTERN -- COMMAND...

Runs COMMAND in DIR on a pty, and prints one line of figures (milliseconds from the spawn):
  first=N     the first visible character on the terminal (anything: a build line, "Preparing…")
  screen=N    the first time SCREEN_PATTERN (a regex, e.g. the keys footer) appeared: the kata screen
  key=N       (with --key K --key-pattern RE) the time from pressing K right after the first visible
              character until RE appears: how long a key waits while the runner prepares
Then it presses q and waits for the process to end (killed after 20 s). Exit 1 when the screen never
appeared within the timeout (--timeout S, default 300).
"""
import os, pty, re, select, signal, struct, sys, time, fcntl, termios

def main():
    args = sys.argv[1:]
    timeout, key, key_pattern = 300.0, None, None
    while args and args[0].startswith("--"):
        if args[0] == "--timeout": timeout = float(args[1]); args = args[2:]
        elif args[0] == "--key": key = args[1].encode(); args = args[2:]
        elif args[0] == "--key-pattern": key_pattern = re.compile(args[1].encode()); args = args[2:]
        else: break
    directory, pattern = args[0], re.compile(args[1].encode(), re.IGNORECASE)
    command = args[args.index("--") + 1:]
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="80", LINES="24")
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(directory)
        os.execvpe(command[0], command, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen, first, screen, key_sent, key_answer = b"", None, None, None, None
    after_key = b""
    ms = lambda: int((time.monotonic() - start) * 1000)
    while time.monotonic() - start < timeout:
        if screen is not None and (key is None or key_answer is not None or time.monotonic() - key_sent > 30):
            break
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready: continue
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data: break
        # Escape codes alone (alternate buffer, cursor) are not something on screen.
        visible = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|[\r\n\x07]", b"", data).strip()
        if visible and first is None:
            first = ms()
            if key is not None:
                os.write(fd, key); key_sent = time.monotonic()
        elif key_sent is not None and key_answer is None:
            after_key = (after_key + data)[-200000:]
            if key_pattern.search(re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", after_key)):
                key_answer = int((time.monotonic() - key_sent) * 1000)
        seen = (seen + data)[-200000:]
        if screen is None and pattern.search(re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", seen)):
            screen = ms()
    try:
        os.write(fd, b"q")
    except OSError:
        pass
    end = time.monotonic() + 20
    while time.monotonic() < end:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done: break
        try:
            if select.select([fd], [], [], 0.1)[0]: os.read(fd, 65536)
        except OSError:
            pass
    else:
        # pty.fork made the child a session leader: its group holds the runner `dotnet run` started.
        os.killpg(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    fields = [f"first={first if first is not None else '-'}", f"screen={screen if screen is not None else '-'}"]
    if key is not None: fields.append(f"key={key_answer if key_answer is not None else '-'}")
    print(" ".join(fields))
    return 0 if screen is not None else 1

if __name__ == "__main__":
    sys.exit(main())
