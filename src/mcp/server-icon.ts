/**
 * The server's icon for clients that show one (MCP 2025-11-25: Implementation.icons), as a data
 * URI so no client fetches anything: the council glyph of media/council.svg.
 */
const COUNCIL_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="#888" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"><circle cx="12" cy="5" r="2.5"/><circle cx="5" cy="16" r="2.5"/><circle cx="19" cy="16" r="2.5"/><path d="M10.2 7 6.4 13.8M13.8 7l3.8 6.8M7.5 16h9"/><circle cx="12" cy="12.3" r="1.3" fill="#888"/></svg>';

export const SERVER_ICONS = [
  {
    src: `data:image/svg+xml;base64,${Buffer.from(COUNCIL_SVG).toString('base64')}`,
    mimeType: 'image/svg+xml',
    sizes: ['any'],
  },
];
