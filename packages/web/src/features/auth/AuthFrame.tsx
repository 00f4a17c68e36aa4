import type { ReactNode } from 'react';

/** Centered card on a plain background; shared by the login and password pages and kept light. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        boxSizing: 'border-box',
        background: 'linear-gradient(160deg, #8e1b1b 0%, #b71c1c 45%, #f5f5f5 45%)',
      }}
    >
      <div
        style={{
          width: '100%',
          maxWidth: 400,
          background: '#fff',
          borderRadius: 8,
          padding: '32px 28px 16px',
          boxShadow: '0 6px 24px rgba(0,0,0,0.12)',
          boxSizing: 'border-box',
        }}
      >
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <div style={{ fontSize: 22, fontWeight: 600, color: '#8e1b1b', letterSpacing: 2 }}>
            政协履职平台
          </div>
          <h1 style={{ fontSize: 16, fontWeight: 400, color: '#555', margin: '8px 0 0' }}>{title}</h1>
        </div>
        {children}
      </div>
    </div>
  );
}
