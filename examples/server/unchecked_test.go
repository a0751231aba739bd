//go:build !bumpdebug

package main

const checkedBuild = false
