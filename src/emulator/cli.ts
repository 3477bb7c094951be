// PLACEHOLDER (the emulator replaces it).
console.log('emulator not implemented yet');
