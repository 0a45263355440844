// One lint config for every runtime. The import rules keep the layers pointing one way:
// core ← node ← (main, cli); core ← renderer; only src/main/ipc.ts and src/preload touch ipc*.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const insecureWebPreferences = [
  {
    selector: "Property[key.name='nodeIntegration'][value.value=true]",
    message: 'nodeIntegration must stay off'
  },
  {
    selector: "Property[key.name='nodeIntegrationInWorker'][value.value=true]",
    message: 'nodeIntegrationInWorker must stay off'
  },
  { selector: "Property[key.name='sandbox'][value.value=false]", message: 'the sandbox must stay on' },
  {
    selector: "Property[key.name='contextIsolation'][value.value=false]",
    message: 'contextIsolation must stay on'
  },
  { selector: "Property[key.name='webSecurity'][value.value=false]", message: 'webSecurity must stay on' },
  {
    selector: "Property[key.name='allowRunningInsecureContent'][value.value=true]",
    message: 'no insecure content'
  },
  { selector: "Property[key.name='experimentalFeatures']", message: 'no experimental features' },
  { selector: "Property[key.name='enableBlinkFeatures']", message: 'no extra Blink features' },
  { selector: "Property[key.name='webviewTag'][value.value=true]", message: 'no <webview>' },
  {
    selector: "CallExpression[callee.property.name='loadFile']",
    message: 'serve the UI from the app:// scheme, never file://'
  }
]

const pureLayers = ['electron', 'react', 'react-dom', 'dexie', 'dexie-react-hooks']

/** Main: no UI libraries, no networking (security.md V5), and ipcMain only through src/main/ipc.ts. */
const mainImportRules = (banIpc) => ({
  paths: [
    'react',
    'react-dom',
    'dexie',
    'dexie-react-hooks',
    ...(banIpc
      ? [
          {
            name: 'electron',
            importNames: ['ipcMain', 'ipcRenderer'],
            message: 'register IPC through src/main/ipc.ts (it checks senders and payloads)'
          }
        ]
      : []),
    { name: 'electron', importNames: ['net'], message: 'no networking (security.md V5)' }
  ],
  patterns: [
    {
      group: [
        'http',
        'https',
        'net',
        'tls',
        'dns',
        'undici',
        'node:http',
        'node:https',
        'node:net',
        'node:tls',
        'node:dns'
      ],
      message: 'no networking (security.md V5)'
    }
  ]
})

export default tseslint.config(
  {
    ignores: ['out/**', 'node_modules/**', 'dist/**', 'tests/.artifacts/**', '.eval/**', 'bench/results/**']
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', ...insecureWebPreferences]
    }
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: pureLayers,
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'child_process', 'worker_threads'],
              message: 'core is runtime-free: put Node code in src/node'
            },
            {
              group: ['@node/*', '@main/*', '**/main/**', '**/renderer/**', '**/node/**'],
              message: 'core imports nothing above it'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/node/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: pureLayers,
          patterns: [
            {
              group: [
                'http',
                'https',
                'net',
                'tls',
                'dns',
                'undici',
                'node:http',
                'node:https',
                'node:net',
                'node:tls',
                'node:dns'
              ],
              message: 'no networking (security.md V5)'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/main/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', mainImportRules(true)] }
  },
  {
    // The one module allowed to touch ipcMain: it checks every sender and payload.
    files: ['src/main/ipc.ts'],
    rules: { 'no-restricted-imports': ['error', mainImportRules(false)] }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            {
              group: ['node:*', '@node/*', '**/main/**', '**/node/**'],
              message: 'the renderer reaches main only through window.api'
            }
          ]
        }
      ]
    }
  }
)
