package e2e

import (
	"os"
	osexec "os/exec"
	"strconv"
	"testing"
)

// corridorCmd prepares the corridor binary with arguments (before the first "=") and
// environment entries (those containing "=").
func corridorCmd(t testing.TB, args ...string) *osexec.Cmd {
	t.Helper()
	var argv, env []string
	for _, a := range args {
		if containsEq(a) {
			env = append(env, a)
		} else {
			argv = append(argv, a)
		}
	}
	cmd := osexec.Command(binary, argv...)
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "CORRIDOR_HOST=127.0.0.1", "CORRIDOR_DATA_DIR="+t.TempDir())
	cmd.Env = append(cmd.Env, env...)
	return cmd
}

func containsEq(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '=' {
			return true
		}
	}
	return false
}

func itoa(n int) string { return strconv.Itoa(n) }
