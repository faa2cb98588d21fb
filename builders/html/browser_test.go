package html_test

import (
	"bufio"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/docbuild/docbuild/builders/html"
)

// chromiumPath returns the browser the test drives: $DOCBUILD_CHROMIUM or
// /usr/bin/chromium.
func chromiumPath() string {
	if p := os.Getenv("DOCBUILD_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// TestBrowser opens the built site in headless Chromium, over HTTP on
// 127.0.0.1 and from file://, follows a toctree link, types a word into
// the search box and checks the search page finds the pages that have it,
// and switches to the dark scheme and checks the choice survives a reload.
// It drives the browser with the DevTools protocol over a WebSocket.
func TestBrowser(t *testing.T) {
	chromium := chromiumPath()
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("no Chromium at %s (set DOCBUILD_CHROMIUM, or apt-get install chromium): the site is not tested in a browser", chromium)
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	out, _ := build(t, "testdata/basic", html.New())
	srv := httptest.NewServer(staticServer(out))
	defer srv.Close()
	br := startBrowser(t, chromium)
	defer br.close()
	fileURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(out) + "/"}).String()
	// dirhtml: the search page is in a folder of its own, and its results
	// must lead back up to the documents' folders.
	dirOut, _ := build(t, "testdata/basic", html.NewDir())
	dirSrv := httptest.NewServer(staticServer(dirOut))
	defer dirSrv.Close()
	t.Run("dirhtml", func(t *testing.T) {
		p := br.page
		p.navigate(t, dirSrv.URL+"/search/?q=frobnicate")
		p.waitFor(t, `document.querySelectorAll("#search-results li").length > 0`)
		hrefs := p.eval(t, `Array.from(document.querySelectorAll("#search-results a")).map(a => a.getAttribute("href")).join(" ")`).(string)
		if !strings.Contains(" "+hrefs+" ", " ../intro/") {
			t.Fatalf("dirhtml search results %q lack ../intro/", hrefs)
		}
		p.eval(t, `setTimeout(() => document.querySelector('#search-results a[href^="../intro/"]').click(), 0); true`)
		p.waitFor(t, `location.pathname === "/intro/" && document.readyState === "complete"`)
		if title := p.eval(t, `document.title`); !strings.HasPrefix(title.(string), "Introduction") {
			t.Fatalf("the result led to %q", title)
		}
	})
	bases := map[string]string{"http": srv.URL + "/", "file": fileURL}
	for _, name := range []string{"http", "file"} {
		base := bases[name]
		t.Run(name, func(t *testing.T) {
			p := br.page
			p.navigate(t, base+"index.html")
			if title := p.eval(t, `document.title`); !strings.Contains(title.(string), "Welcome to Testproj") {
				t.Fatalf("title %q", title)
			}
			// Follow the toctree entry of the introduction.
			// Click after the evaluation returns, since the click leaves
			// the page the evaluation runs in.
			p.eval(t, `setTimeout(() => document.querySelector('.toctree-wrapper a[href="intro.html"]').click(), 0); true`)
			p.waitFor(t, `location.pathname.endsWith("/intro.html") && document.readyState === "complete"`)
			if title := p.eval(t, `document.title`); !strings.HasPrefix(title.(string), "Introduction") {
				t.Fatalf("after following the link, title %q", title)
			}
			// Type into the search box and submit.
			p.eval(t, `document.querySelector('.searchbox input').focus(); true`)
			p.call(t, "Input.insertText", map[string]any{"text": "frobnicate"})
			for _, typ := range []string{"keyDown", "keyUp"} {
				p.call(t, "Input.dispatchKeyEvent", map[string]any{"type": typ, "key": "Enter", "code": "Enter",
					"windowsVirtualKeyCode": 13, "nativeVirtualKeyCode": 13, "text": "\r"})
			}
			p.waitFor(t, `location.pathname.endsWith("/search.html") && document.querySelectorAll("#search-results li").length > 0`)
			hrefs := p.eval(t, `Array.from(document.querySelectorAll("#search-results a")).map(a => a.getAttribute("href")).join(" ")`).(string)
			for _, want := range []string{"intro.html", "reference.html", "guide/usage.html"} {
				if !strings.Contains(" "+hrefs+" ", " "+want) {
					t.Errorf("search results %q lack %s", hrefs, want)
				}
			}
			summary := p.eval(t, `document.getElementById("search-summary").textContent`).(string)
			if !strings.HasPrefix(summary, "Found ") {
				t.Errorf("search summary %q", summary)
			}
			if got := p.eval(t, `document.querySelector("#search-results .context mark") !== null`); got != true {
				t.Error("result snippets do not mark the query")
			}
			// Dark mode: the toggle sets and remembers the scheme.
			p.eval(t, `document.querySelector(".theme-toggle").click(); true`)
			theme := p.eval(t, `document.documentElement.getAttribute("data-theme")`)
			if theme != "dark" && theme != "light" {
				t.Fatalf("after the toggle, data-theme = %v", theme)
			}
			if got := p.eval(t, `localStorage.getItem("docbuild-theme")`); got != theme {
				t.Fatalf("stored scheme %v, want %v", got, theme)
			}
			bg := p.eval(t, `getComputedStyle(document.body).backgroundColor`)
			// Another page sees the choice. Chromium hands localStorage
			// writes to other renderer processes asynchronously (file://
			// pages may each get their own), so give it a moment.
			var got any
			for try := 0; try < 10; try++ {
				p.navigate(t, base+"reference.html")
				if got = p.eval(t, `document.documentElement.getAttribute("data-theme")`); got == theme {
					break
				}
				time.Sleep(200 * time.Millisecond)
			}
			if got != theme {
				t.Errorf("after loading another page, data-theme = %v, want %v", got, theme)
			}
			if got := p.eval(t, `getComputedStyle(document.body).backgroundColor`); got != bg {
				t.Errorf("background %v, want %v", got, bg)
			}
			p.eval(t, `localStorage.removeItem("docbuild-theme"); true`)
		})
	}
}

// staticServer serves a folder as a static web server does, without
// net/http's redirect of .../index.html to .../.
func staticServer(root string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := filepath.Join(root, filepath.FromSlash(path.Clean("/"+r.URL.Path)))
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			p = filepath.Join(p, "index.html")
		}
		f, err := os.Open(p)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil {
			http.NotFound(w, r)
			return
		}
		http.ServeContent(w, r, p, fi.ModTime(), f)
	})
}

// browser is a running headless Chromium with one page attached.
type browser struct {
	cmd  *exec.Cmd
	dir  string
	page *cdpConn
}

var devtoolsRE = regexp.MustCompile(`DevTools listening on (ws://\S+)`)

func startBrowser(t *testing.T, chromium string) *browser {
	t.Helper()
	// Not t.TempDir: Chromium's helpers may still be writing there when
	// the test's cleanup runs; close removes it after they have exited.
	dir, err := os.MkdirTemp("", "docbuild-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--no-default-browser-check", "--disable-extensions", "--remote-debugging-port=0",
		"--user-data-dir="+dir, "--window-size=1280,900", "about:blank")
	// Its own process group, so that close ends its helper processes too.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	br := &browser{cmd: cmd, dir: dir}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := devtoolsRE.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
		close(found)
	}()
	var wsURL string
	select {
	case u, ok := <-found:
		if !ok {
			br.close()
			t.Fatal("Chromium exited before listening for DevTools")
		}
		wsURL = u
	case <-time.After(30 * time.Second):
		br.close()
		t.Fatal("Chromium did not start within 30s")
	}
	u, _ := url.Parse(wsURL)
	resp, err := http.Get("http://" + u.Host + "/json/list")
	if err != nil {
		br.close()
		t.Fatal(err)
	}
	var targets []struct {
		Type string
		URL  string `json:"webSocketDebuggerUrl"`
	}
	err = json.NewDecoder(resp.Body).Decode(&targets)
	resp.Body.Close()
	if err != nil {
		br.close()
		t.Fatal(err)
	}
	for _, tg := range targets {
		if tg.Type == "page" {
			c, err := dialCDP(tg.URL)
			if err != nil {
				br.close()
				t.Fatal(err)
			}
			br.page = c
			break
		}
	}
	if br.page == nil {
		br.close()
		t.Fatal("no page target")
	}
	br.page.call(t, "Page.enable", nil)
	br.page.call(t, "Runtime.enable", nil)
	return br
}

func (b *browser) close() {
	if b.page != nil {
		b.page.conn.Close()
	}
	if b.cmd.Process != nil {
		// The group of the browser this test started, helpers included.
		syscall.Kill(-b.cmd.Process.Pid, syscall.SIGKILL)
		b.cmd.Wait()
	}
	for i := 0; i < 50; i++ {
		if os.RemoveAll(b.dir) == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// cdpConn is a DevTools protocol connection: JSON messages over a
// WebSocket (RFC 6455), client frames masked, no extensions.
type cdpConn struct {
	conn net.Conn
	r    *bufio.Reader
	id   int
}

func dialCDP(wsURL string) (*cdpConn, error) {
	u, err := url.Parse(wsURL)
	if err != nil {
		return nil, err
	}
	conn, err := net.DialTimeout("tcp", u.Host, 10*time.Second)
	if err != nil {
		return nil, err
	}
	key := make([]byte, 16)
	rand.Read(key)
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
		"Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n", u.RequestURI(), u.Host, base64.StdEncoding.EncodeToString(key))
	r := bufio.NewReader(conn)
	status, err := r.ReadString('\n')
	if err != nil {
		conn.Close()
		return nil, err
	}
	if !strings.Contains(status, " 101 ") {
		conn.Close()
		return nil, fmt.Errorf("websocket handshake: %s", strings.TrimSpace(status))
	}
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			conn.Close()
			return nil, err
		}
		if line == "\r\n" {
			break
		}
	}
	return &cdpConn{conn: conn, r: r}, nil
}

func (c *cdpConn) writeText(data []byte) error {
	hdr := []byte{0x81}
	switch n := len(data); {
	case n < 126:
		hdr = append(hdr, 0x80|byte(n))
	case n < 1<<16:
		hdr = append(hdr, 0x80|126, byte(n>>8), byte(n))
	default:
		hdr = append(hdr, 0x80|127)
		hdr = binary.BigEndian.AppendUint64(hdr, uint64(n))
	}
	mask := make([]byte, 4)
	rand.Read(mask)
	hdr = append(hdr, mask...)
	masked := make([]byte, len(data))
	for i, b := range data {
		masked[i] = b ^ mask[i%4]
	}
	_, err := c.conn.Write(append(hdr, masked...))
	return err
}

// readMessage returns the next text message, joining fragments.
func (c *cdpConn) readMessage() ([]byte, error) {
	var msg []byte
	for {
		var h [2]byte
		if _, err := io.ReadFull(c.r, h[:]); err != nil {
			return nil, err
		}
		fin, op := h[0]&0x80 != 0, h[0]&0x0f
		n := uint64(h[1] & 0x7f)
		switch n {
		case 126:
			var b [2]byte
			if _, err := io.ReadFull(c.r, b[:]); err != nil {
				return nil, err
			}
			n = uint64(binary.BigEndian.Uint16(b[:]))
		case 127:
			var b [8]byte
			if _, err := io.ReadFull(c.r, b[:]); err != nil {
				return nil, err
			}
			n = binary.BigEndian.Uint64(b[:])
		}
		payload := make([]byte, n)
		if _, err := io.ReadFull(c.r, payload); err != nil {
			return nil, err
		}
		switch op {
		case 0x8:
			return nil, errors.New("websocket closed by the browser")
		case 0x9, 0xa:
			continue // ping, pong
		}
		msg = append(msg, payload...)
		if fin {
			return msg, nil
		}
	}
}

// call sends a command and waits for its result; an error fails the test.
func (c *cdpConn) call(t *testing.T, method string, params any) map[string]any {
	t.Helper()
	res, err := c.try(method, params)
	if err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	return res
}

// try sends a command and waits for its result.
func (c *cdpConn) try(method string, params any) (map[string]any, error) {
	c.id++
	req := map[string]any{"id": c.id, "method": method}
	if params != nil {
		req["params"] = params
	}
	data, _ := json.Marshal(req)
	c.conn.SetDeadline(time.Now().Add(30 * time.Second))
	if err := c.writeText(data); err != nil {
		return nil, err
	}
	for {
		raw, err := c.readMessage()
		if err != nil {
			return nil, err
		}
		var resp struct {
			ID     int             `json:"id"`
			Result map[string]any  `json:"result"`
			Error  json.RawMessage `json:"error"`
		}
		if err := json.Unmarshal(raw, &resp); err != nil {
			return nil, err
		}
		if resp.ID != c.id {
			continue // an event, or an old reply
		}
		if resp.Error != nil {
			return nil, errors.New(string(resp.Error))
		}
		return resp.Result, nil
	}
}

// eval evaluates a JavaScript expression in the page and returns its
// value; an exception fails the test.
func (c *cdpConn) eval(t *testing.T, expr string) any {
	t.Helper()
	res := c.call(t, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true})
	if ex, ok := res["exceptionDetails"]; ok {
		t.Fatalf("evaluating %s: %v", expr, ex)
	}
	r, _ := res["result"].(map[string]any)
	return r["value"]
}

// navigate loads a URL and waits until the page has loaded.
func (c *cdpConn) navigate(t *testing.T, u string) {
	t.Helper()
	res := c.call(t, "Page.navigate", map[string]any{"url": u})
	if e, ok := res["errorText"].(string); ok && e != "" {
		t.Fatalf("navigating to %s: %s", u, e)
	}
	c.waitFor(t, fmt.Sprintf(`location.href === %q && document.readyState === "complete"`, u))
}

// waitFor polls a JavaScript condition for up to 15 seconds.
func (c *cdpConn) waitFor(t *testing.T, cond string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		// The page may be navigating: an error here means "not yet".
		res, err := c.try("Runtime.evaluate", map[string]any{"expression": "!!(" + cond + ")", "returnByValue": true})
		if r, ok := res["result"].(map[string]any); ok && err == nil && r["value"] == true {
			return
		}
		if time.Now().After(deadline) {
			href := c.eval(t, "location.href")
			t.Fatalf("timed out waiting for %s (at %v)", cond, href)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
