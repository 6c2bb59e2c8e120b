// Vite's types for what a dashboard imports besides code: CSS files (Mantine's styles) and assets.
/// <reference types="vite/client" />
