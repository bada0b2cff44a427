import t from 'tap'
import { startImage } from './harness.ts'

const LISTEN = { TRELLIS_IN_HTTP: '127.0.0.1:1' } // never reached: config fails first
const cases: Array<{ image: 'db' | 'web' | 'lb', env: Record<string, string>, names: string }> = [
  { image: 'db', env: { TRELLIS_VOLUME_DATA: '/tmp' }, names: 'TRELLIS_IN_HTTP' },
  { image: 'db', env: { ...LISTEN }, names: 'TRELLIS_VOLUME_DATA' },
  { image: 'db', env: { ...LISTEN, TRELLIS_VOLUME_DATA: '/tmp', TRELLIS_PROP_MAXVALUEBYTES: 'lots' }, names: 'TRELLIS_PROP_MAXVALUEBYTES' },
  { image: 'db', env: { TRELLIS_IN_HTTP: 'localhost', TRELLIS_VOLUME_DATA: '/tmp' }, names: 'TRELLIS_IN_HTTP' },
  { image: 'web', env: { TRELLIS_OUT_DB: '127.0.0.1:2' }, names: 'TRELLIS_IN_HTTP' },
  { image: 'web', env: { ...LISTEN }, names: 'TRELLIS_OUT_DB' },
  { image: 'web', env: { ...LISTEN, TRELLIS_OUT_DB: '127.0.0.1:99999' }, names: 'TRELLIS_OUT_DB' },
  { image: 'lb', env: { TRELLIS_OUT_BACKEND: '127.0.0.1:2' }, names: 'TRELLIS_IN_HTTP' },
  { image: 'lb', env: { ...LISTEN }, names: 'TRELLIS_OUT_BACKEND' },
  { image: 'lb', env: { ...LISTEN, TRELLIS_OUT_BACKEND_INSTANCES: '127.0.0.1:2,nope' }, names: 'TRELLIS_OUT_BACKEND_INSTANCES' },
  { image: 'lb', env: { ...LISTEN, TRELLIS_OUT_BACKEND: '127.0.0.1:2', TRELLIS_PROP_HEALTHINTERVAL: '-5' }, names: 'TRELLIS_PROP_HEALTHINTERVAL' },
  { image: 'lb', env: { ...LISTEN, TRELLIS_OUT_BACKEND: '127.0.0.1:2', TRELLIS_PROP_HEALTHFAILURES: '0' }, names: 'TRELLIS_PROP_HEALTHFAILURES' },
  { image: 'lb', env: { ...LISTEN, TRELLIS_OUT_BACKEND: '127.0.0.1:2', TRELLIS_PROP_HEALTHPATH: 'healthz' }, names: 'TRELLIS_PROP_HEALTHPATH' }
]

for (const c of cases) {
  t.test(`${c.image} exits 2 naming ${c.names}`, async t => {
    const instance = startImage(t, c.image, c.env)
    t.same(await instance.exited, { code: 2, signal: null })
    t.match(instance.stderr, new RegExp(`^${c.image}: invalid environment: ${c.names}: `), 'stderr names the variable')
    t.match(instance.logged('config.invalid')[0], { level: 'error', variable: c.names }, 'and so does the JSON log line')
  })
}
