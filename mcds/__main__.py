from mcds.cli import main

main()
