process.stderr.write('cli: not built yet\n');
