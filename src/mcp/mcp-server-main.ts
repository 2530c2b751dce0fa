process.stderr.write('mcp server: not built yet\n');
