package pyio

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"unicode"
	"unicode/utf8"
)

// MaxFileSize bounds what an inclusion may read, so that a directive
// pointed at a huge file or a device fails with a message instead of
// exhausting memory.
const MaxFileSize = 64 << 20

// ReadBytes reads the file at path. Failures are docutils' InputError,
// with the errno, strerror and path Python would report.
func ReadBytes(path string) ([]byte, error) {
	if strings.IndexByte(path, 0) >= 0 {
		return nil, &ValueError{Msg: "embedded null byte"}
	}
	flags := os.O_RDONLY
	if info, err := os.Stat(path); err == nil && info.Mode()&os.ModeNamedPipe != 0 {
		// Opening a pipe without a writer would wait for one forever;
		// without blocking, it reads as empty.
		flags |= syscall.O_NONBLOCK
	}
	f, err := os.OpenFile(path, flags, 0)
	if err != nil {
		return nil, inputError(err, path)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, inputError(err, path)
	}
	if info.IsDir() {
		return nil, inputError(syscall.EISDIR, path)
	}
	if info.Mode().IsRegular() && info.Size() > MaxFileSize {
		return nil, inputError(syscall.EFBIG, path)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, inputError(err, path)
	}
	if len(data) > MaxFileSize {
		return nil, inputError(syscall.EFBIG, path)
	}
	return data, nil
}

// inputError turns a Go file error into docutils' InputError.
func inputError(err error, path string) error {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return &OSError{ClassName: "InputError", Errno: int(syscall.EIO), Strerror: "Input/output error", Filename: path}
	}
	return &OSError{ClassName: "InputError", Errno: int(errno), Strerror: Strerror(errno), Filename: path}
}

// Strerror returns the C library's message for errno, as Python quotes it.
// Go's table holds the same texts with a lower-case first letter.
func Strerror(errno syscall.Errno) string {
	s := errno.Error()
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// DecodeText decodes the bytes of a file as docutils'
// FileInput(source_path, encoding).read() does: an empty encoding means
// docutils' guessing (see DecodeGuess); line breaks are normalized to \n.
func DecodeText(data []byte, encoding string) (string, error) {
	var text string
	var err error
	if encoding == "" {
		text, err = DecodeGuess(data)
	} else {
		text, err = Decode(data, encoding)
	}
	if err != nil {
		return "", err
	}
	return NormalizeNewlines(text), nil
}

// Abs is os.path.abspath.
func Abs(path string) string {
	if a, err := filepath.Abs(path); err == nil {
		return a
	}
	return filepath.Clean(path)
}

// RelativePath is docutils.utils.relative_path: the path to target
// relative to the directory of source, or to the working directory when
// source is "". Paths with nothing in common stay absolute.
func RelativePath(source, target string) string {
	if source == "" {
		source = "dummy_file"
	}
	sp := strings.Split(Abs(source), string(filepath.Separator))
	tp := strings.Split(Abs(target), string(filepath.Separator))
	if len(sp) < 2 || len(tp) < 2 || sp[0] != tp[0] || sp[1] != tp[1] {
		return strings.Join(tp, "/")
	}
	i := 0
	for i < len(sp) && i < len(tp) && sp[i] == tp[i] {
		i++
	}
	parts := make([]string, 0, len(sp)-1-i+len(tp)-i)
	for k := 0; k < len(sp)-1-i; k++ {
		parts = append(parts, "..")
	}
	parts = append(parts, tp[i:]...)
	return strings.Join(parts, "/")
}
