#!/bin/sh
# The page: what the volume keeps, and a form that adds to it.
printf 'Content-Type: text/html\r\n\r\n'
echo "<!doctype html><title>vm appliance</title><h1>${TRELLIS_INSTANCE:-vm appliance}</h1>"
if grep -q ' /data ' /proc/mounts; then
  echo "<p>boots: $(cat /data/boots)</p><pre>"
  httpd -e "$(cat /data/notes 2>/dev/null)"
  echo "</pre>"
else
  echo "<p>no volume</p>"
fi
echo '<form method="post" action="/cgi-bin/write"><input name="note"><button>save</button></form>'
